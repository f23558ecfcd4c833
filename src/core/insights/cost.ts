/** Logs Insights price: USD per GB of data scanned (1 GB = 2^30 bytes). */
export const PRICE_PER_GB_SCANNED = 0.005;

/** "512 B", "3.4 KB", "12.3 MB", "1.5 GB" (binary multiples). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB', 'PB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 100 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** USD a query scanning `bytes` costs at {@link PRICE_PER_GB_SCANNED}. */
export function scanCost(bytes: number): number {
  return (Math.max(0, bytes) / 1024 ** 3) * PRICE_PER_GB_SCANNED;
}

/** "≈ $0.0001", "≈ $0.0420", "≈ $1.25", "< $0.0001", "$0". */
export function formatScanCost(bytes: number): string {
  const cost = scanCost(bytes);
  if (!Number.isFinite(cost)) return '—';
  if (cost === 0) return '$0';
  if (cost < 0.00005) return '< $0.0001';
  return `≈ $${cost < 1 ? cost.toFixed(4) : cost.toFixed(2)}`;
}
