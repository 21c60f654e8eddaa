#ifndef LOTSE_CREADLINE_SHIM_H
#define LOTSE_CREADLINE_SHIM_H
/* stdio.h first: readline's headers use FILE without including it. */
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <readline/readline.h>
#include <readline/history.h>

/*
 * Swift never touches readline's C globals directly (strict concurrency would flag
 * every access); these static inline setters and getters are the only way in.
 */
/* Readline's signal handling off (lotse reacts to signals through the self-pipe below),
   and "lotse" as the application name for ~/.inputrc conditionals. */
static inline void lotse_rl_configure(void) { rl_catch_signals = 0; rl_catch_sigwinch = 0; rl_readline_name = "lotse"; }

/* Reads the init file now (in secure mode INPUTRC is /dev/null, see SecureStart) and
   unbinds re-read-init-file (C-x C-r) in every keymap, so no init file is ever read later. */
static inline void lotse_rl_initialize(void) {
    rl_initialize();
    const char *maps[] = {"emacs-standard", "emacs-ctlx", "emacs-meta", "vi-command", "vi-insert"};
    for (unsigned i = 0; i < sizeof maps / sizeof *maps; i++) {
        Keymap map = rl_get_keymap_by_name(maps[i]);
        if (map) rl_unbind_function_in_map(rl_re_read_init_file, map);
    }
}
static inline void lotse_rl_set_getc(rl_getc_func_t *f) { rl_getc_function = f; }
static inline void lotse_rl_set_completer(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void lotse_rl_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void lotse_rl_set_completion_append(int c) { rl_completion_append_character = c; }
static inline const char *lotse_rl_line_buffer(void) { return rl_line_buffer; }
static inline int lotse_rl_point(void) { return rl_point; }
static inline void lotse_rl_set_erase_empty_line(int on) { rl_erase_empty_line = on; }

/*
 * Signals go through a self-pipe: the handler only writes one byte (async-signal-safe);
 * the editor's poll loop reads it and reacts on the main thread.
 */
static int lotse_signal_pipe[2] = {-1, -1};

static inline void lotse_signal_to_pipe(int sig) {
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    ssize_t ignored = write(lotse_signal_pipe[1], &byte, 1);
    (void)ignored;
    errno = saved;
}

/* Installs the self-pipe handlers for SIGINT and SIGWINCH; returns the read end or -1. */
static inline int lotse_install_signal_pipe(void) {
    if (lotse_signal_pipe[0] >= 0) return lotse_signal_pipe[0];
    if (pipe(lotse_signal_pipe) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(lotse_signal_pipe[i], F_SETFL, fcntl(lotse_signal_pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(lotse_signal_pipe[i], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = lotse_signal_to_pipe;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART for SIGINT: a read blocked on the terminal returns EINTR, so Ctrl-C
       is noticed even when the terminal flushed the input a read was waiting for. */
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, NULL);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, NULL);
    return lotse_signal_pipe[0];
}

/* Bytes waiting on a terminal descriptor (0 when none or on error). */
static inline int lotse_bytes_available(int fd) {
    int count = 0;
    return ioctl(fd, FIONREAD, &count) == 0 ? count : 0;
}

/* Ignores job-control and quit signals, for the kiosk (no way out to a shell). */
static inline void lotse_ignore_job_control(void) {
    signal(SIGTSTP, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
}

#endif
