; Multiboot v1 entry (Multiboot Specification 0.6.96 §3.1): the loader (qemu -kernel, GRUB) jumps
; here in 32-bit protected mode, paging off, EAX = magic, EBX = physical address of the info.
        bits 32
MB_MAGIC    equ 0x1BADB002
MB_FLAGS    equ 0x00000003          ; bit 0: page-align modules; bit 1: memory information
        section .multiboot progbits alloc noexec nowrite align=4
        align 4
        dd MB_MAGIC
        dd MB_FLAGS
        dd -(MB_MAGIC + MB_FLAGS)

        section .bss
        align 16
boot_stack:
        resb 16384
boot_stack_top:

        section .text
        global _start
        extern kmain
_start:
        mov esp, boot_stack_top
        xor ebp, ebp
        push ebx                    ; struct multiboot_info *
        push eax                    ; magic
        call kmain
.hang:  jmp .hang                   ; kmain never returns
