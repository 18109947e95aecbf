/* File system calls over descriptors: open/close/read/write/lseek, dup, pipe, directories. */
#include "syscall.h"

#define O_ACCMODE 3
#define O_RDONLY 0
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_DIRECTORY 0200000
#define PATH_MAX 256

struct file *fd_file(int fd) {
  if (fd < 0 || fd >= NOFILE) return NULL;
  return cur->files[fd];
}

static int fd_install(struct file *f, int from) {
  for (int fd = from; fd < NOFILE; fd++)
    if (!cur->files[fd]) {
      cur->files[fd] = f;
      return fd;
    }
  return -EMFILE;
}

static int user_path(char *dst, u32 upath) {
  int r = strncpy_from_user(dst, upath, PATH_MAX);
  return r < 0 ? r : 0;
}

SYSCALL_DEFINE(read) {
  struct file *f = fd_file((int)a1);
  return f ? file_read(f, a2, a3) : -EBADF;
}

SYSCALL_DEFINE(write) {
  struct file *f = fd_file((int)a1);
  return f ? file_write(f, a2, a3) : -EBADF;
}

SYSCALL_DEFINE(open) {
  char path[PATH_MAX];
  u32 flags = a2;
  int r = user_path(path, a1);
  if (r < 0) return r;
  int ino = ramfs_lookup(path);
  if (ino >= 0 && (flags & O_CREAT) && (flags & O_EXCL)) return -EEXIST;
  if (ino == -ENOENT && (flags & O_CREAT)) ino = ramfs_create(path, I_FILE);
  if (ino < 0) return ino;
  struct inode *n = ramfs_inode(ino);
  if (n->type == I_DIR && (flags & O_ACCMODE) != O_RDONLY) return -EISDIR;
  if (n->type != I_DIR && (flags & O_DIRECTORY)) return -ENOTDIR;
  struct file *f = file_alloc();
  if (!f) return -ENFILE;
  f->type = F_INODE;
  f->ino = ino;
  f->flags = flags;
  ramfs_open(ino);
  int fd = fd_install(f, 0);
  if (fd < 0) {
    file_close(f);
    return fd;
  }
  if ((flags & O_TRUNC) && n->type == I_FILE && (flags & O_ACCMODE) != O_RDONLY) ramfs_truncate(ino);
  return fd;
}

SYSCALL_DEFINE(close) {
  struct file *f = fd_file((int)a1);
  if (!f) return -EBADF;
  cur->files[a1] = NULL;
  file_close(f);
  return 0;
}

SYSCALL_DEFINE(lseek) {
  struct file *f = fd_file((int)a1);
  if (!f) return -EBADF;
  if (f->type != F_INODE) return -ESPIPE;
  i32 base;
  switch (a3) {
  case 0: base = 0; break;
  case 1: base = (i32)f->off; break;
  case 2: base = (i32)ramfs_inode(f->ino)->size; break;
  default: return -EINVAL;
  }
  i32 pos = base + (i32)a2;
  if (pos < 0) return -EINVAL;
  f->off = (u32)pos;
  return pos;
}

SYSCALL_DEFINE(dup) {
  struct file *f = fd_file((int)a1);
  if (!f) return -EBADF;
  int fd = fd_install(f, 0);
  if (fd >= 0) file_dup(f);
  return fd;
}

SYSCALL_DEFINE(dup2) {
  struct file *f = fd_file((int)a1);
  if (!f) return -EBADF;
  if (a2 >= NOFILE) return -EBADF;
  if (a1 == a2) return (int)a2;
  if (cur->files[a2]) file_close(cur->files[a2]);
  cur->files[a2] = f;
  file_dup(f);
  return (int)a2;
}

SYSCALL_DEFINE(pipe) {
  struct file *r, *w;
  if (!uaccess_ok(a1, 8, 1)) return -EFAULT;
  int e = pipe_new(&r, &w);
  if (e < 0) return e;
  int fds[2] = {fd_install(r, 0), -1};
  if (fds[0] >= 0) fds[1] = fd_install(w, 0);
  if (fds[1] < 0) {
    if (fds[0] >= 0) cur->files[fds[0]] = NULL;
    file_close(r);
    file_close(w);
    return -EMFILE;
  }
  return copy_to_user(a1, fds, sizeof fds);
}

SYSCALL_DEFINE(unlink) {
  char path[PATH_MAX];
  int r = user_path(path, a1);
  return r < 0 ? r : ramfs_unlink(path, 0);
}

SYSCALL_DEFINE(rmdir) {
  char path[PATH_MAX];
  int r = user_path(path, a1);
  return r < 0 ? r : ramfs_unlink(path, 1);
}

SYSCALL_DEFINE(mkdir) {
  char path[PATH_MAX];
  int r = user_path(path, a1);
  if (r < 0) return r;
  r = ramfs_create(path, I_DIR);
  return r < 0 ? r : 0;
}

/* struct linux_dirent64 (getdents64(2)); the file offset is a cursor: 0 before ".", 1 before "..",
 * k + 2 after inode k. */
SYSCALL_DEFINE(getdents64) {
  struct file *f = fd_file((int)a1);
  if (!f) return -EBADF;
  if (f->type != F_INODE || ramfs_inode(f->ino)->type != I_DIR) return -ENOTDIR;
  if (!uaccess_ok(a2, a3, 1)) return -EFAULT;
  u32 used = 0;
  for (;;) {
    int ino;
    const char *name;
    u32 next;
    if (f->off == 0) ino = f->ino, name = ".", next = 1;
    else if (f->off == 1) ino = ramfs_inode(f->ino)->parent, name = "..", next = 2;
    else {
      ino = ramfs_child(f->ino, (int)f->off - 2 > 0 ? (int)f->off - 2 : 0);
      if (ino < 0) break;
      name = ramfs_inode(ino)->name;
      next = (u32)ino + 2;
    }
    u32 namelen = strlen(name);
    u32 reclen = (19 + namelen + 1 + 7) & ~7u;
    if (used + reclen > a3) {
      if (used == 0) return -EINVAL; /* buffer too small for one entry */
      break;
    }
    u8 *d = (u8 *)(a2 + used);
    memset(d, 0, reclen);
    u32 ino_plus_one = (u32)ino + 1; /* inode numbers 0 means "deleted" to readdir users */
    memcpy(d, &ino_plus_one, 4);
    memcpy(d + 8, &next, 4);
    d[16] = (u8)(reclen & 0xFF);
    d[17] = (u8)(reclen >> 8);
    d[18] = ramfs_inode(ino)->type == I_DIR ? 4 /* DT_DIR */ : 8 /* DT_REG */;
    memcpy(d + 19, name, namelen);
    used += reclen;
    f->off = next;
  }
  return (int)used;
}
