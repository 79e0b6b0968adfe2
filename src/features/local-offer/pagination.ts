/**
 * The GOV.UK pagination component's parameters for a list: previous and next, the first and
 * last pages, and the pages either side of this one, with ellipses between.
 */
export interface PaginationParams {
  previous?: { href: string };
  next?: { href: string };
  items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
}

export function pagination(page: number, total: number, perPage: number, href: (page: number) => string): PaginationParams | undefined {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return undefined;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: PaginationParams['items'] = [];
  let last = 0;
  for (const p of shown) {
    if (p - last > 1) items.push({ ellipsis: true });
    items.push({ number: p, href: href(p), current: p === page });
    last = p;
  }
  return {
    ...(page > 1 ? { previous: { href: href(Math.min(page - 1, pages)) } } : {}),
    ...(page < pages ? { next: { href: href(page + 1) } } : {}),
    items,
  };
}

/** "Showing 21 to 40 of 312 services". */
export function showingText(page: number, perPage: number, total: number, noun: [string, string]): string {
  if (total === 0) return `No ${noun[1]}`;
  const from = (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  if (from > total) return `${total} ${total === 1 ? noun[0] : noun[1]}`;
  return total <= perPage ? `${total} ${total === 1 ? noun[0] : noun[1]}` : `Showing ${from} to ${to} of ${total} ${noun[1]}`;
}
