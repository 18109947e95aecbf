; A 64 KiB BIOS ROM of our own for `-bios`: the processor starts at F000:FFF0 in real mode (the
; top of 4 GiB while CS still has its reset base), jumps into the ROM's copy below 1 MiB, prints
; on COM1, checks that the ROM ignores writes, enters 32-bit protected mode with a GDT that
; lives in the ROM, prints again and exits through isa-debug-exit (port 0xf4).
; Build: nasm -f bin -o hello.rom hello.asm ; run: qemu-system-i386 -bios hello.rom -serial stdio
        bits 16
        org     0                       ; offsets within segment F000 (the ROM's last 64 KiB)

start:  cli
        mov     ax, cs
        mov     ds, ax                  ; DS = F000: the ROM
        xor     ax, ax
        mov     ss, ax
        mov     sp, 0x7000
        mov     si, msg_real
        call    puts16
        ; ROM is read-only: a store into it leaves the byte as it was.
        mov     al, [rom_byte]
        mov     byte [rom_byte], 0x55
        cmp     al, [rom_byte]
        mov     si, msg_ro_ok
        je      .ro
        mov     si, msg_ro_bad
.ro:    call    puts16
        ; The same bytes at F000:xxxx and through a segment of 0xE000 (the 128 KiB alias of a
        ; 64 KiB ROM shows it once, at 0xF0000; 0xE0000 is RAM below it).
        mov     si, msg_reset
        call    puts16
        mov     al, [0xfff0]            ; the reset vector's first byte: far JMP (0xEA)
        call    puthex8
        mov     al, 10
        call    putc16
        ; Protected mode with the ROM's GDT, flat 32-bit code.
        lgdt    [cs:gdt_ptr]
        mov     eax, cr0
        or      al, 1
        mov     cr0, eax
        jmp     dword 0x08:(0xf0000 + pm32)

putc16: push    dx                      ; waits for LSR.THRE: qemu drops bytes sent too fast
        push    ax
        mov     dx, 0x3fd
.w:     in      al, dx
        test    al, 0x20
        jz      .w
        pop     ax
        mov     dx, 0x3f8
        out     dx, al
        pop     dx
        ret
puts16: lodsb
        test    al, al
        jz      .d
        call    putc16
        jmp     puts16
.d:     ret
puthex8:                                ; AL as two hex digits
        push    ax
        shr     al, 4
        call    .nib
        pop     ax
        and     al, 15
.nib:   add     al, '0'
        cmp     al, '9'
        jbe     .o
        add     al, 'a' - '0' - 10
.o:     jmp     putc16

        bits 32
pm32:   mov     ax, 0x10
        mov     ds, ax
        mov     es, ax
        mov     ss, ax
        mov     esp, 0x7000
        mov     esi, 0xf0000 + msg_pm
.l:     lodsb
        test    al, al
        jz      .d
        call    putc32
        jmp     .l
.d:     mov     eax, cr0
        and     eax, 1
        add     al, '0'
        call    putc32
        mov     al, 10
        call    putc32
        mov     al, 0x2a
        out     0xf4, al                ; exit status (0x2a << 1) | 1 = 85
        cli
        hlt

putc32: mov     ah, al
        mov     dx, 0x3fd
.w:     in      al, dx
        test    al, 0x20
        jz      .w
        mov     al, ah
        mov     dx, 0x3f8
        out     dx, al
        ret

msg_real:   db "strata bios: real mode at F000", 10, 0
msg_ro_ok:  db "strata bios: ROM ignores writes", 10, 0
msg_ro_bad: db "strata bios: ROM was written", 10, 0
msg_reset:  db "strata bios: reset vector byte 0x", 0
msg_pm:     db "strata bios: 32-bit protected mode, CR0.PE=", 0
rom_byte:   db 0xa5
        align 8
gdt:    dq      0
        dq      0x00cf9a000000ffff      ; 0x08: flat 32-bit code
        dq      0x00cf92000000ffff      ; 0x10: flat data
gdt_end:
gdt_ptr:
        dw      gdt_end - gdt - 1
        dd      0xf0000 + gdt

        times   0xfff0 - ($ - $$) db 0xff
        bits 16
reset:  jmp     0xf000:start            ; F000:FFF0, the first instruction fetched
        times   0x10000 - ($ - $$) db 0xff
