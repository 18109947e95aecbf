/* The RAM file system: a fixed table of inodes (files and directories) whose data lives in up to
 * RAMFS_MAX_PAGES frames each. Paths are absolute; "." and ".." are understood. */
#include "../kernel.h"

#define NINODE 64
static struct inode inodes[NINODE];

void ramfs_init(void) {
  inodes[0].type = I_DIR; /* the root, its own parent */
  inodes[0].parent = 0;
  inodes[0].name[0] = 0;
}

struct inode *ramfs_inode(int ino) { return &inodes[ino]; }

static int find_child(int dir, const char *name, u32 len) {
  for (int i = 1; i < NINODE; i++)
    if (inodes[i].type != I_FREE && inodes[i].parent == dir && strlen(inodes[i].name) == len &&
        memcmp(inodes[i].name, name, len) == 0)
      return i;
  return -ENOENT;
}

/* Walks `path` up to its last component; returns the directory and leaves the last name in
 * last/last_len (length 0 for "/"). */
static int walk_parent(const char *path, const char **last, u32 *last_len) {
  if (path[0] != '/') return -ENOENT; /* no working directory: absolute paths only */
  int dir = 0;
  const char *s = path;
  for (;;) {
    while (*s == '/') s++;
    const char *e = s;
    while (*e && *e != '/') e++;
    const char *next = e;
    while (*next == '/') next++;
    if (!*next) { /* s..e is the last component */
      *last = s;
      *last_len = (u32)(e - s);
      return dir;
    }
    u32 len = (u32)(e - s);
    if (len > NAME_MAX) return -ENAMETOOLONG;
    if (len == 1 && s[0] == '.') {
    } else if (len == 2 && s[0] == '.' && s[1] == '.') {
      dir = inodes[dir].parent;
    } else {
      int c = find_child(dir, s, len);
      if (c < 0) return c;
      if (inodes[c].type != I_DIR) return -ENOTDIR;
      dir = c;
    }
    s = next;
  }
}

int ramfs_lookup(const char *path) {
  const char *last;
  u32 len;
  int dir = walk_parent(path, &last, &len);
  if (dir < 0) return dir;
  if (len == 0 || (len == 1 && last[0] == '.')) return dir;
  if (len == 2 && last[0] == '.' && last[1] == '.') return inodes[dir].parent;
  if (len > NAME_MAX) return -ENAMETOOLONG;
  return find_child(dir, last, len);
}

int ramfs_create(const char *path, enum inode_type t) {
  const char *last;
  u32 len;
  int dir = walk_parent(path, &last, &len);
  if (dir < 0) return dir;
  if (len == 0 || (last[0] == '.' && (len == 1 || (len == 2 && last[1] == '.')))) return -EEXIST;
  if (len > NAME_MAX) return -ENAMETOOLONG;
  if (find_child(dir, last, len) >= 0) return -EEXIST;
  for (int i = 1; i < NINODE; i++) {
    if (inodes[i].type != I_FREE) continue;
    memset(&inodes[i], 0, sizeof inodes[i]);
    inodes[i].type = t;
    inodes[i].parent = dir;
    memcpy(inodes[i].name, last, len);
    inodes[i].name[len] = 0;
    return i;
  }
  return -ENOSPC;
}

void ramfs_truncate(int ino) {
  struct inode *n = &inodes[ino];
  for (int i = 0; i < RAMFS_MAX_PAGES; i++)
    if (n->pages[i]) {
      frame_unref(n->pages[i]);
      n->pages[i] = 0;
    }
  n->size = 0;
}

int ramfs_child(int dir, int after) {
  for (int i = after + 1; i < NINODE; i++)
    if (inodes[i].type != I_FREE && inodes[i].parent == dir) return i;
  return -1;
}

u32 ramfs_pages(void) {
  u32 n = 0;
  for (int i = 0; i < NINODE; i++)
    for (int p = 0; p < RAMFS_MAX_PAGES; p++) n += inodes[i].pages[p] != 0;
  return n;
}

void ramfs_open(int ino) { inodes[ino].opens++; }

void ramfs_close(int ino) {
  struct inode *n = &inodes[ino];
  if (--n->opens == 0 && n->parent < 0) {
    ramfs_truncate(ino);
    n->type = I_FREE;
  }
}

/* unlink(2) semantics: the name goes at once, the inode and its pages with the last open file. */
int ramfs_unlink(const char *path, int want_dir) {
  int ino = ramfs_lookup(path);
  if (ino < 0) return ino;
  if (ino == 0) return -EPERM;
  if (want_dir && inodes[ino].type != I_DIR) return -ENOTDIR;
  if (!want_dir && inodes[ino].type == I_DIR) return -EISDIR;
  if (want_dir && ramfs_child(ino, 0) >= 0) return -ENOTEMPTY;
  inodes[ino].parent = -1;
  inodes[ino].opens++;
  ramfs_close(ino);
  return 0;
}

int ramfs_read(int ino, u32 off, void *dst, u32 n) {
  struct inode *f = &inodes[ino];
  if (off >= f->size) return 0;
  if (n > f->size - off) n = f->size - off;
  u8 *d = dst;
  for (u32 done = 0; done < n;) {
    u32 page = (off + done) / PAGE_SIZE, in = (off + done) % PAGE_SIZE;
    u32 chunk = PAGE_SIZE - in;
    if (chunk > n - done) chunk = n - done;
    if (f->pages[page]) memcpy(d + done, (const u8 *)f->pages[page] + in, chunk);
    else memset(d + done, 0, chunk); /* a hole left by a seek past the end */
    done += chunk;
  }
  return (int)n;
}

int ramfs_write(int ino, u32 off, const void *src, u32 n) {
  struct inode *f = &inodes[ino];
  if (off > RAMFS_MAX_PAGES * PAGE_SIZE || n > RAMFS_MAX_PAGES * PAGE_SIZE - off) return -EFBIG;
  const u8 *s = src;
  for (u32 done = 0; done < n;) {
    u32 page = (off + done) / PAGE_SIZE, in = (off + done) % PAGE_SIZE;
    u32 chunk = PAGE_SIZE - in;
    if (chunk > n - done) chunk = n - done;
    if (!f->pages[page] && !(f->pages[page] = frame_alloc())) return done ? (int)done : -ENOSPC;
    memcpy((u8 *)f->pages[page] + in, s + done, chunk);
    done += chunk;
    if (off + done > f->size) f->size = off + done;
  }
  return (int)n;
}
