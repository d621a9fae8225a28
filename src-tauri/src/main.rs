//! `cmalt-portfolio-window`: the desktop app's window. People start it from the menu, or as
//! `cmalt-portfolio` with no verb (crates/cli), which hands over to it.

fn main() {
    std::process::exit(cmalt_portfolio::run_window());
}
