/** Prints one bench figure against its budget: `name  value unit  (budget …, ratio x)`. */
export function report(name: string, value: number, unit: string, budget?: number, note = ''): void {
  const shown = unit === 'KB' ? value.toFixed(1) : value < 10 ? value.toFixed(2) : Math.round(value).toString();
  const ratio = budget ? `  budget ${budget} ${unit}, ${(value / budget).toFixed(2)}× of budget ${value <= budget ? 'OK' : 'OVER'}` : '';
  console.log(`${name.padEnd(48)} ${shown.padStart(10)} ${unit}${ratio}${note ? `  ${note}` : ''}`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
