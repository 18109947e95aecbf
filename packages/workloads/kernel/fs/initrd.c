/* The initial ramdisk, a Multiboot module in the "newc" cpio format (cpio(5): the "070701"
 * header of 13 eight-digit hex fields, name and data each padded to 4 bytes, ending with the
 * entry "TRAILER!!!"). Directories and regular files are copied into the RAM file system. */
#include "../kernel.h"

#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFREG 0100000
#define NEWC_HEADER 110

static u32 hex_field(const u8 *p, u32 off) {
  u32 v = 0;
  for (int i = 0; i < 8; i++) {
    u8 c = p[6 + off * 8 + i];
    u32 d = c >= '0' && c <= '9' ? (u32)(c - '0') : c >= 'a' && c <= 'f' ? (u32)(c - 'a' + 10)
            : c >= 'A' && c <= 'F' ? (u32)(c - 'A' + 10) : 0xFF;
    if (d == 0xFF) panic("initrd: bad hex digit in the header field %u", off);
    v = v * 16 + d;
  }
  return v;
}

void initrd_load(const u8 *data, u32 size) {
  char path[NAME_MAX * 4 + 2];
  u32 off = 0, files = 0;
  for (;;) {
    if (off + NEWC_HEADER > size) panic("initrd: truncated header at offset %u", off);
    const u8 *h = data + off;
    if (memcmp(h, "070701", 6) != 0) panic("initrd: bad magic at offset %u", off);
    u32 mode = hex_field(h, 1), filesize = hex_field(h, 6), namesize = hex_field(h, 11);
    const char *name = (const char *)h + NEWC_HEADER;
    if (namesize == 0 || namesize > sizeof path - 1 || off + NEWC_HEADER + namesize > size)
      panic("initrd: bad name size at offset %u", off);
    u32 data_off = (off + NEWC_HEADER + namesize + 3) & ~3u;
    if (data_off + filesize > size) panic("initrd: truncated data at offset %u", off);
    if (strcmp(name, "TRAILER!!!") == 0) break;
    path[0] = '/';
    memcpy(path + 1, name[0] == '/' ? name + 1 : name, namesize);
    if (strcmp(path, "/.") != 0 && strcmp(path, "/") != 0) {
      int ino;
      if ((mode & S_IFMT) == S_IFDIR) {
        ino = ramfs_create(path, I_DIR);
      } else if ((mode & S_IFMT) == S_IFREG) {
        ino = ramfs_create(path, I_FILE);
        if (ino >= 0 && ramfs_write(ino, 0, data + data_off, filesize) != (int)filesize) ino = -ENOSPC;
        files++;
      } else {
        panic("initrd: %s at offset %u is neither a file nor a directory", path, off);
      }
      if (ino < 0) panic("initrd: cannot create %s (error %d)", path, ino);
    }
    off = (data_off + filesize + 3) & ~3u;
  }
  kprintf("strata-kernel: initrd with %u files\n", files);
}
