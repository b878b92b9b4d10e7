export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <div class="empty-state" data-testid="empty-state">
      <svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
        <path
          d="M6 14a3 3 0 0 1 3-3h10l4 4h16a3 3 0 0 1 3 3v19a3 3 0 0 1-3 3H9a3 3 0 0 1-3-3z"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
        />
      </svg>
      <p class="empty-title">{title}</p>
      {hint && <p class="empty-hint">{hint}</p>}
    </div>
  );
}
