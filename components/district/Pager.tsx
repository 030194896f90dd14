/** Previous/next for a paged list: only one page of rows is ever in the DOM, however many records there are. */
export function Pager({
  label,
  page,
  pages,
  total,
  onPage,
}: {
  label: string;
  page: number;
  pages: number;
  total: number;
  onPage: (p: number) => void;
}) {
  return (
    <nav class="pager" aria-label={`${label} pages`}>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {page + 1} of {pages} ({total} {label.toLowerCase()})
      </span>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}
