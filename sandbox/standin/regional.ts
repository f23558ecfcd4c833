import { currentAccount } from './accounts';

/** State kept apart per account and region, created on first use. (ARNs it builds still name the default account.) */
export class Regional<T> {
  private readonly byRegion = new Map<string, T>();

  constructor(private readonly create: (region: string) => T) {}

  get(region: string): T {
    const key = `${currentAccount()}|${region}`;
    let state = this.byRegion.get(key);
    if (state === undefined) {
      state = this.create(region);
      this.byRegion.set(key, state);
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
