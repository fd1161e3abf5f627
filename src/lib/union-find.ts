/**
 * Sets of the ids `0 … size − 1` joined pair by pair, with path compression. A set's root is its
 * least id, so the roots do not depend on the order in which pairs are joined: what the clusters,
 * the blocks and the texts verified equal all need for output that does not depend on scheduling.
 */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let id = 0; id < size; id += 1) this.parent[id] = id;
  }

  /** The least id of the set that holds `id`. */
  find(id: number): number {
    const { parent } = this;
    if (!(id >= 0 && id < parent.length)) throw new RangeError(`no id ${id} among ${parent.length}`);
    let root = id;
    while (parent[root] !== root) root = parent[root] ?? root;
    for (let node = id; parent[node] !== root; ) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  }

  /** Joins the sets of `a` and `b`. */
  union(a: number, b: number): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x < y) this.parent[y] = x;
    else if (y < x) this.parent[x] = y;
  }

  /** Every id's root, as one array. */
  roots(): Int32Array {
    const roots = new Int32Array(this.parent.length);
    for (let id = 0; id < roots.length; id += 1) roots[id] = this.find(id);
    return roots;
  }
}
