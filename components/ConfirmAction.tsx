import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A destructive action behind a confirmation: a button that asks first, then the question with the action and
 * Cancel. The question closes once the action's promise resolves.
 */
export function ConfirmAction({
  start,
  question,
  confirm,
  groupLabel,
  onConfirm,
}: {
  /** The button that asks ("Forget this student"). */
  start: string;
  question: ComponentChildren;
  /** The button that does it ("Forget"). */
  confirm: string;
  /** The accessible name of the question's group. */
  groupLabel: string;
  onConfirm: () => Promise<unknown>;
}) {
  const [asking, setAsking] = useState(false);
  return asking ? (
    <p role="group" aria-label={groupLabel} class="status-line">
      <span>{question}</span>
      <button type="button" class="danger" onClick={() => void onConfirm().then(() => setAsking(false))}>
        {confirm}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </p>
  ) : (
    <button type="button" onClick={() => setAsking(true)}>
      {start}
    </button>
  );
}
