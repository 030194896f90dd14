import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  key: K;
  label: string;
  /** A count shown after the label (e.g. follow-ups due), read out with it. */
  badge?: number;
}

/**
 * WAI-ARIA tabs with automatic activation: arrow keys, Home and End move between tabs and show their panel;
 * only the selected tab is in the Tab order, so Tab goes from the tabs straight into the panel.
 */
export function Tabs<K extends string>({
  tabs,
  selected,
  onSelect,
  label,
  children,
}: {
  tabs: TabDef<K>[];
  selected: K;
  onSelect: (k: K) => void;
  label: string;
  children: ComponentChildren;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.key === selected);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    const to = tabs[next];
    if (!to) return;
    e.preventDefault();
    onSelect(to.key);
    list.current?.querySelector<HTMLElement>(`#tab-${to.key}`)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={label} class="tabs" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={t.key === selected}
            aria-controls={`panel-${t.key}`}
            tabIndex={t.key === selected ? 0 : -1}
            onClick={() => onSelect(t.key)}
          >
            {t.label}
            {t.badge ? <span class="count"> ({t.badge})</span> : null}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.key}
          role="tabpanel"
          id={`panel-${t.key}`}
          aria-labelledby={`tab-${t.key}`}
          hidden={t.key !== selected}
          tabIndex={0}
          class="tabpanel"
        >
          {t.key === selected ? children : null}
        </div>
      ))}
    </>
  );
}
