//! The headless command line: the same binary, no window, no display needed. Each
//! subcommand calls the core and prints what happened in plain words.

mod new;

use clap::{Parser, Subcommand, ValueEnum};
use cmalt_core::framework::{Framework, PathwayId};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "cmalt-portfolio",
    version,
    about = "Write, check and export a CMALT portfolio. With no command, opens the app's window.",
    after_help = "CMALT Portfolio is an independent app, not made or endorsed by the Association for Learning Technology (ALT)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create a new portfolio folder (refuses, changing nothing, if one is already there).
    New {
        /// The folder to create the portfolio in; it must be new or empty.
        portfolio_dir: PathBuf,
        #[arg(long, value_enum)]
        pathway: PathwayArg,
        #[arg(long, default_value = "")]
        title: String,
        /// Your name, as the candidate.
        #[arg(long, default_value = "")]
        name: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PathwayArg {
    Associate,
    Cmalt,
    Senior,
}

impl From<PathwayArg> for PathwayId {
    fn from(arg: PathwayArg) -> Self {
        match arg {
            PathwayArg::Associate => PathwayId::Associate,
            PathwayArg::Cmalt => PathwayId::Cmalt,
            PathwayArg::Senior => PathwayId::Senior,
        }
    }
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> i32 {
    let framework = match Framework::bundled() {
        Ok(framework) => Arc::new(framework),
        Err(error) => {
            eprintln!("cmalt-portfolio: {error}");
            return 2;
        }
    };
    match command {
        Command::New {
            portfolio_dir,
            pathway,
            title,
            name,
        } => new::run(framework, &portfolio_dir, pathway.into(), &title, &name),
    }
}
