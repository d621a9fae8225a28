//! What the crash tests share: start a test tool, let it work for a random moment, kill it
//! with SIGKILL, and read what it reported done before it died.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Kills processes at random moments from a fixed seed, so a failing run can be repeated.
pub struct RandomKiller {
    state: u64,
}

impl RandomKiller {
    pub fn new(seed: u64) -> RandomKiller {
        RandomKiller { state: seed }
    }

    /// A small xorshift generator: deterministic, and enough to spread the kills.
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    /// Starts `command`, kills it with SIGKILL after a random wait shorter than `within`,
    /// and returns what it printed on stdout until then.
    pub fn run_and_kill(&mut self, command: &mut Command, within: Duration) -> String {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let wait = self.next() % within.as_micros() as u64;
        std::thread::sleep(Duration::from_micros(wait));
        child.kill().unwrap();
        child.wait().unwrap();
        let mut printed = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut printed)
            .unwrap();
        printed
    }
}
