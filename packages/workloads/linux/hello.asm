; hello: the smallest linux-i386 workload, pure nasm: write(1, msg, len); exit(0).
        bits 32
        global _start
        section .text
_start:
        mov     eax, 4                  ; __NR_write
        mov     ebx, 1                  ; stdout
        mov     ecx, msg
        mov     edx, msg.len
        int     0x80
        mov     eax, 1                  ; __NR_exit
        xor     ebx, ebx
        int     0x80
        section .rodata
msg:    db      "Hello from Strata!", 10
.len    equ     $ - msg
