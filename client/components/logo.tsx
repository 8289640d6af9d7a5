/** A small shield, drawn inline so it needs no extra request. */
export function Logo({ size = 26 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" fill="var(--mantine-color-teal-7)" />
      <path d="M11 7h2v4h4v2h-4v4h-2v-4H7v-2h4z" fill="white" />
    </svg>
  );
}
