/** State kept apart per region, created on first use. */
export class Regional<T> {
  private readonly byRegion = new Map<string, T>();

  constructor(private readonly create: (region: string) => T) {}

  get(region: string): T {
    let state = this.byRegion.get(region);
    if (state === undefined) {
      state = this.create(region);
      this.byRegion.set(region, state);
    }
    return state;
  }

  values(): IterableIterator<T> {
    return this.byRegion.values();
  }

  clear(): void {
    this.byRegion.clear();
  }
}
