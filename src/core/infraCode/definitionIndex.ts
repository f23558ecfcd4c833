import type { Definition, ResourceKind } from './model';

/** Every definition found in the workspace, by file; lookups by name and id are rebuilt after a change. */
export class DefinitionIndex {
  private readonly files = new Map<string, readonly Definition[]>();
  /** Grows with every change, so derived lookups know when to rebuild. */
  version = 0;
  private lookups?: { byName: Map<string, Definition[]>; byLogGroup: Map<string, Definition[]>; byId: Map<string, Definition[]> };

  /** Replaces what a file defines; an empty list forgets the file. */
  setFile(file: string, definitions: readonly Definition[]): void {
    const had = this.files.get(file);
    if (definitions.length === 0) {
      if (!had) return;
      this.files.delete(file);
    } else this.files.set(file, definitions);
    this.lookups = undefined;
    this.version++;
  }

  removeFile(file: string): void {
    this.setFile(file, []);
  }

  /** Removes every file under a folder (a deleted folder). */
  removeFolder(prefix: string): void {
    for (const file of [...this.files.keys()]) if (file.startsWith(`${prefix}/`)) this.removeFile(file);
  }

  definitionsOf(file: string): readonly Definition[] {
    return this.files.get(file) ?? [];
  }

  get fileCount(): number {
    return this.files.size;
  }

  *all(): Iterable<Definition> {
    for (const defs of this.files.values()) yield* defs;
  }

  byName(kind: ResourceKind, name: string): readonly Definition[] {
    return this.built().byName.get(`${kind}\u0000${name}`) ?? [];
  }

  /** Functions writing to a log group of this name. */
  byLogGroup(name: string): readonly Definition[] {
    return this.built().byLogGroup.get(name) ?? [];
  }

  /** Definitions whose logical id, construct id or Terraform address is `id`. */
  byId(id: string): readonly Definition[] {
    return this.built().byId.get(id) ?? [];
  }

  private built() {
    if (this.lookups) return this.lookups;
    const byName = new Map<string, Definition[]>();
    const byLogGroup = new Map<string, Definition[]>();
    const byId = new Map<string, Definition[]>();
    const add = (map: Map<string, Definition[]>, key: string, d: Definition) => {
      const list = map.get(key);
      if (list) list.push(d);
      else map.set(key, [d]);
    };
    for (const d of this.all()) {
      if (d.name) add(byName, `${d.kind}\u0000${d.name}`, d);
      if (d.logGroupName) add(byLogGroup, d.logGroupName, d);
      if (d.id) add(byId, d.id, d);
    }
    this.lookups = { byName, byLogGroup, byId };
    return this.lookups;
  }
}
