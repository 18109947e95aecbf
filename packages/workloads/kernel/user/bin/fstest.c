/* fstest <dir>: makes a directory, creates files, writes, reads back, seeks, appends, lists the
 * directory (names sorted, as directory order is the file system's own), removes it all. */
#include "../lib/sys.h"

static char path[256];
static const char *join(const char *dir, const char *name) {
  u32 n = strlen(dir);
  memcpy(path, dir, n);
  path[n] = '/';
  memcpy(path + n + 1, name, strlen(name) + 1);
  return path;
}

static int write_file(const char *dir, const char *name, const char *text) {
  int fd = open(join(dir, name), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return fd;
  int r = write(fd, text, strlen(text));
  close(fd);
  return r;
}

static int read_file(const char *dir, const char *name, char *buf, u32 max) {
  int fd = open(join(dir, name), O_RDONLY, 0);
  if (fd < 0) return fd;
  int n = 0, r;
  while ((r = read(fd, buf + n, max - 1 - (u32)n)) > 0) n += r;
  close(fd);
  buf[n] = 0;
  return r < 0 ? r : n;
}

/* Prints the directory's entries other than . and .., sorted. */
static int list(const char *dir) {
  static char names[16][64];
  static u8 buf[1024];
  int count = 0;
  int fd = open(dir, O_RDONLY | O_DIRECTORY, 0);
  if (fd < 0) return fd;
  int n;
  while ((n = getdents64(fd, buf, sizeof buf)) > 0) {
    for (int off = 0; off < n;) {
      u16 reclen = (u16)(buf[off + 16] | (buf[off + 17] << 8));
      const char *name = (const char *)buf + off + 19;
      u8 type = buf[off + 18];
      if (strcmp(name, ".") && strcmp(name, "..") && count < 16) {
        u32 len = strlen(name);
        if (len > 60) len = 60;
        memcpy(names[count], name, len);
        names[count][len] = type == 4 ? '/' : 0;
        names[count][len + (type == 4)] = 0;
        count++;
      }
      off += reclen;
    }
  }
  close(fd);
  for (int i = 1; i < count; i++) /* insertion sort */
    for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
      char t[64];
      memcpy(t, names[j], 64);
      memcpy(names[j], names[j - 1], 64);
      memcpy(names[j - 1], t, 64);
    }
  printf("fstest: ls:");
  for (int i = 0; i < count; i++) printf(" %s", names[i]);
  printf(" (%d entries)\n", count);
  return n;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    printf("usage: fstest <dir>\n");
    return 2;
  }
  const char *dir = argv[1];
  char buf[256];
  int r = mkdir(dir, 0755);
  printf("fstest: mkdir %d\n", r);
  if (r < 0) return 1;
  printf("fstest: mkdir again %d\n", mkdir(dir, 0755));
  printf("fstest: write alpha %d\n", write_file(dir, "alpha", "the quick brown fox\n"));
  printf("fstest: write beta %d\n", write_file(dir, "beta", "jumps over\n"));
  printf("fstest: write gamma %d\n", write_file(dir, "gamma", "the lazy dog\n"));
  r = read_file(dir, "alpha", buf, sizeof buf);
  printf("fstest: read alpha %d: %s", r, buf);
  int fd = open(join(dir, "alpha"), O_RDWR, 0);
  printf("fstest: lseek 4 -> %d\n", lseek(fd, 4, SEEK_SET));
  r = read(fd, buf, 5);
  buf[r > 0 ? r : 0] = 0;
  printf("fstest: read 5 at 4: %s\n", buf);
  printf("fstest: size %d\n", lseek(fd, 0, SEEK_END));
  close(fd);
  fd = open(join(dir, "beta"), O_WRONLY | O_APPEND, 0);
  printf("fstest: append %d\n", write(fd, "the lazy dog\n", 13));
  close(fd);
  r = read_file(dir, "beta", buf, sizeof buf);
  printf("fstest: read beta %d: %s", r, buf);
  printf("fstest: open missing %d\n", open(join(dir, "missing"), O_RDONLY, 0));
  printf("fstest: mkdir sub %d\n", mkdir(join(dir, "sub"), 0755));
  list(dir);
  printf("fstest: unlink beta %d\n", unlink(join(dir, "beta")));
  list(dir);
  printf("fstest: rmdir non-empty %d\n", rmdir(dir));
  unlink(join(dir, "alpha"));
  unlink(join(dir, "gamma"));
  rmdir(join(dir, "sub"));
  printf("fstest: rmdir %d\n", rmdir(dir));
  return 0;
}
