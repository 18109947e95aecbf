; _start of strata-kernel's user programs (the same on Linux): the i386 ELF ABI process stack has
; [esp] = argc, then argv[], NULL, envp[], NULL. No libc; main's return value goes to exit(2).
        bits 32
        global _start
        extern main
        section .text
_start:
        xor     ebp, ebp
        mov     eax, [esp]              ; argc
        lea     ecx, [esp+4]            ; argv
        lea     edx, [ecx+eax*4+4]      ; envp
        and     esp, -16
        sub     esp, 4
        push    edx
        push    ecx
        push    eax
        call    main
        mov     ebx, eax
        mov     eax, 1                  ; __NR_exit
        int     0x80
        hlt
