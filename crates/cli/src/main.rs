//! `cmalt-portfolio`: the headless command line, with a verb; with none (or `open`), it
//! starts the window, a separate binary installed beside it. This one links no window
//! toolkit, so it starts in a millisecond and runs on a server or a CI image without WebKit.

mod cli;

fn main() {
    std::process::exit(cli::main_entry());
}
