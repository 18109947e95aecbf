; Entry point of our freestanding linux-i386 programs: no libc, only raw int 0x80.
; The i386 ELF ABI process stack: [esp] = argc, [esp+4..] = argv[], NULL, envp[], NULL.
        bits 32
        global _start
        extern main
        section .text
_start:
        xor     ebp, ebp
        mov     eax, [esp]              ; argc
        lea     ecx, [esp+4]            ; argv
        and     esp, -16                ; the SysV i386 ABI wants a 16-byte aligned stack at calls
        sub     esp, 8
        push    ecx
        push    eax
        call    main
        mov     ebx, eax                ; exit(main's return value)
        mov     eax, 1                  ; __NR_exit
        int     0x80
        hlt
