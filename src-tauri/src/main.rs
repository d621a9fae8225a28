//! `cmalt-portfolio`: the window with no arguments, the headless command line with one.

fn main() {
    std::process::exit(cmalt_portfolio::main_entry());
}
