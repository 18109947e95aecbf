package java.util;

/**
 * Tree bins of HashMap: a bucket that reached 8 nodes in a table of 64 or more becomes a
 * red-black tree. Lookups do not need the tree here (the bucket stays a chain that getNode
 * scans), but iteration order does, because the JDK edits the chain along with the tree:
 *
 * - building the tree inserts the chain's nodes in chain order, then moves the tree's root to
 *   the front of the chain;
 * - a new key is linked into the chain right after its parent in the tree, then the root moves
 *   to the front;
 * - removing a key unlinks it from the chain; a small tree (no root.left.left, or a missing
 *   child of the root) turns back into plain nodes in chain order, otherwise the node leaves the
 *   tree (its in-order successor takes its place) and the root moves to the front;
 * - a resize splits the chain in order; a half of 6 or fewer nodes becomes plain nodes, a bigger
 *   half is re-built as a tree if the other half is not empty.
 *
 * Tree order: hash, then compareTo for keys of the same Comparable class, then class name and
 * identity hash (only the last is not reproducible, as on the JDK). Balancing follows CLRS.
 */
final class HashMapTreeBin {
    private HashMapTreeBin() {
    }

    static final int TREEIFY_THRESHOLD = 8;
    static final int UNTREEIFY_THRESHOLD = 6;
    static final int MIN_TREEIFY_CAPACITY = 64;

    /** A node of a tree bin: chain links (next, prev) and tree links. */
    static final class TreeNode<K, V> extends LinkedHashMap.Entry<K, V> {
        TreeNode<K, V> up;
        TreeNode<K, V> lo;
        TreeNode<K, V> hi;
        TreeNode<K, V> prev;
        boolean red;

        TreeNode(int hash, K key, V value, HashMap.Node<K, V> next) {
            super(hash, key, value, next);
        }

        TreeNode<K, V> topmost() {
            TreeNode<K, V> r = this;
            while (r.up != null) r = r.up;
            return r;
        }
    }

    // ---- ordering

    /** The key's class if it is Comparable (taken as Comparable to itself), else null. */
    static Class<?> comparableClassOf(Object key) {
        if (!(key instanceof Comparable)) return null;
        Class<?> c = key.getClass();
        // Enum constants inherit Comparable from Enum: the JDK then uses the tie break.
        if (c.isEnum() || (c.getSuperclass() != null && c.getSuperclass().isEnum())) return null;
        return c;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static int compareSameClass(Class<?> kc, Object a, Object b) {
        if (kc == null || b == null || b.getClass() != kc) return 0;
        return ((Comparable) a).compareTo(b);
    }

    private static int tieBreak(Object a, Object b) {
        int d = 0;
        if (a != null && b != null) d = a.getClass().getName().compareTo(b.getClass().getName());
        if (d == 0) d = System.identityHashCode(a) <= System.identityHashCode(b) ? -1 : 1;
        return d;
    }

    // ---- chain

    @SuppressWarnings("unchecked")
    private static <K, V> TreeNode<K, V> nextOf(TreeNode<K, V> n) {
        return (TreeNode<K, V>) n.next;
    }

    /** Makes root the first node of its bucket's chain. */
    static <K, V> void rootToFront(HashMap.Node<K, V>[] tab, TreeNode<K, V> root) {
        int index = (tab.length - 1) & root.hash;
        @SuppressWarnings("unchecked")
        TreeNode<K, V> first = (TreeNode<K, V>) tab[index];
        if (first == root) return;
        TreeNode<K, V> before = root.prev;
        TreeNode<K, V> after = nextOf(root);
        if (after != null) after.prev = before;
        if (before != null) before.next = after;
        tab[index] = root;
        if (first != null) first.prev = root;
        root.next = first;
        root.prev = null;
    }

    /** Converts bucket index (a chain of plain nodes) into a tree bin. */
    static <K, V> void treeifyBucket(HashMap<K, V> map, HashMap.Node<K, V>[] tab, int index) {
        TreeNode<K, V> head = null, tail = null;
        for (HashMap.Node<K, V> e = tab[index]; e != null; e = e.next) {
            TreeNode<K, V> t = map.replacementTreeNode(e, null);
            if (tail == null) head = t;
            else {
                t.prev = tail;
                tail.next = t;
            }
            tail = t;
        }
        tab[index] = head;
        if (head != null) build(tab, head);
    }

    /** Builds the tree of the chain starting at head (chain order), then moves its root first. */
    static <K, V> void build(HashMap.Node<K, V>[] tab, TreeNode<K, V> head) {
        TreeNode<K, V> root = null;
        for (TreeNode<K, V> x = head; x != null; x = nextOf(x)) {
            x.lo = x.hi = null;
            if (root == null) {
                x.up = null;
                x.red = false;
                root = x;
                continue;
            }
            Class<?> kc = comparableClassOf(x.key);
            TreeNode<K, V> at = root;
            for (;;) {
                int dir = direction(x.hash, x.key, kc, at);
                if (dir == 0) dir = tieBreak(x.key, at.key);
                TreeNode<K, V> child = dir <= 0 ? at.lo : at.hi;
                if (child == null) {
                    x.up = at;
                    if (dir <= 0) at.lo = x;
                    else at.hi = x;
                    root = insertFixup(root, x);
                    break;
                }
                at = child;
            }
        }
        rootToFront(tab, root);
    }

    /** Order of (h, key) against node n by hash, then compareTo; 0 when undecided. */
    private static int direction(int h, Object key, Class<?> kc, TreeNode<?, ?> n) {
        if (n.hash > h) return -1;
        if (n.hash < h) return 1;
        return compareSameClass(kc, key, n.key);
    }

    /** Plain nodes for the chain starting at head, in chain order. */
    static <K, V> HashMap.Node<K, V> unTree(HashMap<K, V> map, HashMap.Node<K, V> head) {
        HashMap.Node<K, V> first = null, last = null;
        for (HashMap.Node<K, V> q = head; q != null; q = q.next) {
            HashMap.Node<K, V> p = map.replacementNode(q, null);
            if (last == null) first = p;
            else last.next = p;
            last = p;
        }
        return first;
    }

    /** Finds the node of (h, key) in the subtree at n, searching both sides when undecided. */
    static <K, V> TreeNode<K, V> search(TreeNode<K, V> n, int h, Object key, Class<?> kc) {
        while (n != null) {
            if (n.hash > h) {
                n = n.lo;
            } else if (n.hash < h) {
                n = n.hi;
            } else if (n.key == key || (key != null && key.equals(n.key))) {
                return n;
            } else if (n.lo == null) {
                n = n.hi;
            } else if (n.hi == null) {
                n = n.lo;
            } else {
                int dir = compareSameClass(kc, key, n.key);
                if (dir != 0) {
                    n = dir < 0 ? n.lo : n.hi;
                } else {
                    TreeNode<K, V> found = search(n.hi, h, key, kc);
                    if (found != null) return found;
                    n = n.lo;
                }
            }
        }
        return null;
    }

    /**
     * Inserts key into the tree bin at tab[index] unless present. Returns the existing node, or
     * null when a new node was linked (after its tree parent in the chain).
     */
    static <K, V> TreeNode<K, V> insert(HashMap<K, V> map, HashMap.Node<K, V>[] tab, TreeNode<K, V> binFirst, int h, K key, V value) {
        TreeNode<K, V> root = binFirst.topmost();
        Class<?> kc = comparableClassOf(key);
        boolean searched = false;
        TreeNode<K, V> at = root;
        for (;;) {
            int dir;
            if (at.hash > h) {
                dir = -1;
            } else if (at.hash < h) {
                dir = 1;
            } else if (at.key == key || (key != null && key.equals(at.key))) {
                return at;
            } else {
                dir = compareSameClass(kc, key, at.key);
                if (dir == 0) {
                    if (!searched) {
                        searched = true;
                        TreeNode<K, V> found = search(at.lo, h, key, kc);
                        if (found == null) found = search(at.hi, h, key, kc);
                        if (found != null) return found;
                    }
                    dir = tieBreak(key, at.key);
                }
            }
            TreeNode<K, V> child = dir <= 0 ? at.lo : at.hi;
            if (child == null) {
                TreeNode<K, V> after = nextOf(at);
                TreeNode<K, V> x = map.newTreeNode(h, key, value, after);
                if (dir <= 0) at.lo = x;
                else at.hi = x;
                at.next = x;
                x.up = at;
                x.prev = at;
                if (after != null) after.prev = x;
                rootToFront(tab, insertFixup(root, x));
                return null;
            }
            at = child;
        }
    }

    /** Removes node z from its tree bin (see the class comment). */
    static <K, V> void remove(HashMap<K, V> map, HashMap.Node<K, V>[] tab, TreeNode<K, V> z, boolean movable) {
        int index = (tab.length - 1) & z.hash;
        @SuppressWarnings("unchecked")
        TreeNode<K, V> first = (TreeNode<K, V>) tab[index];
        TreeNode<K, V> after = nextOf(z), before = z.prev;
        if (before == null) tab[index] = first = after;
        else before.next = after;
        if (after != null) after.prev = before;
        if (first == null) return;
        TreeNode<K, V> root = first.topmost();
        if (movable && (root.hi == null || root.lo == null || root.lo.lo == null)) {
            tab[index] = unTree(map, first);
            return;
        }
        root = deleteFromTree(root, z);
        if (movable) rootToFront(tab, root);
    }

    /** Splits the tree bin at tab[index] of the old table into newTab[index] and newTab[index + bit]. */
    static <K, V> void split(HashMap<K, V> map, HashMap.Node<K, V>[] newTab, TreeNode<K, V> head, int index, int bit) {
        TreeNode<K, V> loHead = null, loTail = null, hiHead = null, hiTail = null;
        int loCount = 0, hiCount = 0;
        TreeNode<K, V> e = head;
        while (e != null) {
            TreeNode<K, V> next = nextOf(e);
            e.next = null;
            if ((e.hash & bit) == 0) {
                e.prev = loTail;
                if (loTail == null) loHead = e;
                else loTail.next = e;
                loTail = e;
                loCount++;
            } else {
                e.prev = hiTail;
                if (hiTail == null) hiHead = e;
                else hiTail.next = e;
                hiTail = e;
                hiCount++;
            }
            e = next;
        }
        if (loHead != null) {
            if (loCount <= UNTREEIFY_THRESHOLD) {
                newTab[index] = unTree(map, loHead);
            } else {
                newTab[index] = loHead;
                if (hiHead != null) build(newTab, loHead);
            }
        }
        if (hiHead != null) {
            if (hiCount <= UNTREEIFY_THRESHOLD) {
                newTab[index + bit] = unTree(map, hiHead);
            } else {
                newTab[index + bit] = hiHead;
                if (loHead != null) build(newTab, hiHead);
            }
        }
    }

    // ---- red-black balancing (CLRS 13.2-13.4), on nodes that keep their identity

    private static boolean isRed(TreeNode<?, ?> n) {
        return n != null && n.red;
    }

    private static <K, V> TreeNode<K, V> rotateLeft(TreeNode<K, V> root, TreeNode<K, V> x) {
        TreeNode<K, V> y = x.hi;
        x.hi = y.lo;
        if (y.lo != null) y.lo.up = x;
        y.up = x.up;
        if (x.up == null) root = y;
        else if (x == x.up.lo) x.up.lo = y;
        else x.up.hi = y;
        y.lo = x;
        x.up = y;
        return root;
    }

    private static <K, V> TreeNode<K, V> rotateRight(TreeNode<K, V> root, TreeNode<K, V> x) {
        TreeNode<K, V> y = x.lo;
        x.lo = y.hi;
        if (y.hi != null) y.hi.up = x;
        y.up = x.up;
        if (x.up == null) root = y;
        else if (x == x.up.hi) x.up.hi = y;
        else x.up.lo = y;
        y.hi = x;
        x.up = y;
        return root;
    }

    /** RB-INSERT-FIXUP; returns the (possibly new) root. */
    private static <K, V> TreeNode<K, V> insertFixup(TreeNode<K, V> root, TreeNode<K, V> z) {
        z.red = true;
        while (z.up != null && z.up.red) {
            TreeNode<K, V> p = z.up;
            TreeNode<K, V> g = p.up;
            if (p == g.lo) {
                TreeNode<K, V> uncle = g.hi;
                if (isRed(uncle)) {
                    p.red = false;
                    uncle.red = false;
                    g.red = true;
                    z = g;
                } else {
                    if (z == p.hi) {
                        z = p;
                        root = rotateLeft(root, z);
                        p = z.up;
                    }
                    p.red = false;
                    g.red = true;
                    root = rotateRight(root, g);
                }
            } else {
                TreeNode<K, V> uncle = g.lo;
                if (isRed(uncle)) {
                    p.red = false;
                    uncle.red = false;
                    g.red = true;
                    z = g;
                } else {
                    if (z == p.lo) {
                        z = p;
                        root = rotateRight(root, z);
                        p = z.up;
                    }
                    p.red = false;
                    g.red = true;
                    root = rotateLeft(root, g);
                }
            }
        }
        root.red = false;
        return root;
    }

    /** Replaces subtree u by subtree v (CLRS RB-TRANSPLANT); returns the root. */
    private static <K, V> TreeNode<K, V> transplant(TreeNode<K, V> root, TreeNode<K, V> u, TreeNode<K, V> v) {
        if (u.up == null) root = v;
        else if (u == u.up.lo) u.up.lo = v;
        else u.up.hi = v;
        if (v != null) v.up = u.up;
        return root;
    }

    /** RB-DELETE: the successor node itself moves into z's place, keeping node identities. */
    private static <K, V> TreeNode<K, V> deleteFromTree(TreeNode<K, V> root, TreeNode<K, V> z) {
        TreeNode<K, V> x;
        TreeNode<K, V> xParent;
        boolean xLeft;
        boolean removedRed;
        if (z.lo == null || z.hi == null) {
            x = z.lo != null ? z.lo : z.hi;
            xParent = z.up;
            xLeft = xParent != null && xParent.lo == z;
            removedRed = z.red;
            root = transplant(root, z, x);
        } else {
            TreeNode<K, V> y = z.hi;
            while (y.lo != null) y = y.lo;
            removedRed = y.red;
            x = y.hi;
            if (y.up == z) {
                xParent = y;
                xLeft = false;
            } else {
                xParent = y.up;
                xLeft = true;
                root = transplant(root, y, y.hi);
                y.hi = z.hi;
                y.hi.up = y;
            }
            root = transplant(root, z, y);
            y.lo = z.lo;
            y.lo.up = y;
            y.red = z.red;
        }
        z.up = z.lo = z.hi = null;
        if (!removedRed) root = deleteFixup(root, x, xParent, xLeft);
        return root;
    }

    /** RB-DELETE-FIXUP without a sentinel: a null x is identified by its parent and side. */
    private static <K, V> TreeNode<K, V> deleteFixup(TreeNode<K, V> root, TreeNode<K, V> x, TreeNode<K, V> parent, boolean xLeft) {
        while (x != root && !isRed(x)) {
            boolean left = x != null ? x == parent.lo : xLeft;
            if (left) {
                TreeNode<K, V> w = parent.hi;
                if (isRed(w)) {
                    w.red = false;
                    parent.red = true;
                    root = rotateLeft(root, parent);
                    w = parent.hi;
                }
                if (!isRed(w.lo) && !isRed(w.hi)) {
                    w.red = true;
                    x = parent;
                    parent = x.up;
                } else {
                    if (!isRed(w.hi)) {
                        w.lo.red = false;
                        w.red = true;
                        root = rotateRight(root, w);
                        w = parent.hi;
                    }
                    w.red = parent.red;
                    parent.red = false;
                    if (w.hi != null) w.hi.red = false;
                    root = rotateLeft(root, parent);
                    x = root;
                }
            } else {
                TreeNode<K, V> w = parent.lo;
                if (isRed(w)) {
                    w.red = false;
                    parent.red = true;
                    root = rotateRight(root, parent);
                    w = parent.lo;
                }
                if (!isRed(w.hi) && !isRed(w.lo)) {
                    w.red = true;
                    x = parent;
                    parent = x.up;
                } else {
                    if (!isRed(w.lo)) {
                        w.hi.red = false;
                        w.red = true;
                        root = rotateLeft(root, w);
                        w = parent.lo;
                    }
                    w.red = parent.red;
                    parent.red = false;
                    if (w.lo != null) w.lo.red = false;
                    root = rotateRight(root, parent);
                    x = root;
                }
            }
        }
        if (x != null) x.red = false;
        return root;
    }
}
