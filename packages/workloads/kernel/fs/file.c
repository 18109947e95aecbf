/* Open files: the objects descriptors point at, shared between processes after fork and dup.
 * A file is the console (COM1), an inode of the RAM file system or one end of a pipe. */
#include "../kernel.h"

#define NFILE 64
#define O_ACCMODE 3
#define O_RDONLY 0
#define O_WRONLY 1
#define O_APPEND 02000

int serial_read(char *buf, u32 n);

static struct file files[NFILE];
static struct file console = {F_CONSOLE, 1, -1, 0, 2 /* O_RDWR */, NULL};

struct file *console_file(void) { return &console; }

struct file *file_alloc(void) {
  for (int i = 0; i < NFILE; i++)
    if (files[i].refs == 0) {
      memset(&files[i], 0, sizeof files[i]);
      files[i].refs = 1;
      return &files[i];
    }
  return NULL;
}

void file_dup(struct file *f) { f->refs++; }

void file_close(struct file *f) {
  if (--f->refs > 0) return;
  if (f->type == F_PIPE_READ || f->type == F_PIPE_WRITE) pipe_close(f->pipe, f->type == F_PIPE_WRITE);
  if (f->type == F_INODE) ramfs_close(f->ino);
  f->type = F_NONE;
}

int file_read(struct file *f, u32 ubuf, u32 n) {
  if ((f->flags & O_ACCMODE) == O_WRONLY) return -EBADF;
  if (!uaccess_ok(ubuf, n, 1)) return -EFAULT;
  if (n == 0) return 0;
  switch (f->type) {
  case F_CONSOLE: return serial_read((char *)ubuf, n);
  case F_PIPE_READ: return pipe_read(f->pipe, ubuf, n);
  case F_INODE: {
    if (ramfs_inode(f->ino)->type == I_DIR) return -EISDIR;
    int r = ramfs_read(f->ino, f->off, (void *)ubuf, n);
    if (r > 0) f->off += (u32)r;
    return r;
  }
  default: return -EBADF;
  }
}

int file_write(struct file *f, u32 ubuf, u32 n) {
  if ((f->flags & O_ACCMODE) == O_RDONLY) return -EBADF;
  if (!uaccess_ok(ubuf, n, 0)) return -EFAULT;
  if (n == 0) return 0;
  switch (f->type) {
  case F_CONSOLE:
    for (u32 i = 0; i < n; i++) serial_putc(((const char *)ubuf)[i]);
    return (int)n;
  case F_PIPE_WRITE: return pipe_write(f->pipe, ubuf, n);
  case F_INODE: {
    if (f->flags & O_APPEND) f->off = ramfs_inode(f->ino)->size;
    int r = ramfs_write(f->ino, f->off, (const void *)ubuf, n);
    if (r > 0) f->off += (u32)r;
    return r;
  }
  default: return -EBADF;
  }
}
