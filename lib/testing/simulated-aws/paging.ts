/** Pages a list the way AWS does: an opaque token, a page size, and the service's field names. */
export function page<T>(items: readonly T[], token: string | undefined, size: number): { items: T[]; next?: string } {
  const start = token ? Number.parseInt(Buffer.from(token, 'base64').toString('utf8').replace(/^sim:/, ''), 10) : 0;
  if (Number.isNaN(start) || start < 0 || start > items.length) {
    throw Object.assign(new Error('The pagination token is invalid.'), { name: 'InvalidParameterException' });
  }
  const end = Math.min(items.length, start + size);
  return { items: items.slice(start, end), ...(end < items.length ? { next: Buffer.from(`sim:${end}`).toString('base64') } : {}) };
}
