//! A value computed on a worker thread and kept until its inputs change:
//! a panel asks every frame for the value of a key, gets the newest
//! finished one at once (perhaps of an older key), and a job for the asked
//! key starts when none runs. Asks made while a job runs are coalesced into
//! the next one, so a burst of changes costs one job, not one per frame.
//!
//! Also the one place that turns a panic on a worker into an error value
//! ([`caught`]): a failed job is reported, never a silent endless wait.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// The text of a panic's payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Runs `f`; a panic inside it becomes `Err("internal error: …")`, so one
/// bad file or job stops only itself.
pub fn caught<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => Err(format!("internal error: {}", panic_message(&*payload))),
    }
}

pub struct Latest<K, V> {
    current: Option<(K, V)>,
    running: Option<(K, Receiver<V>)>,
    /// The key whose job panicked, and why: not started again for it.
    failed: Option<(K, String)>,
}

impl<K, V> Default for Latest<K, V> {
    fn default() -> Self {
        Latest {
            current: None,
            running: None,
            failed: None,
        }
    }
}

impl<K: Clone + PartialEq + Send + 'static, V: Send + 'static> Latest<K, V> {
    /// The newest finished value and its key. When it is not of `key` and
    /// no job runs, `job()` is called (on this thread, to gather inputs)
    /// and what it returns runs on a worker; `wake` is called when done.
    pub fn get<F>(
        &mut self,
        key: &K,
        job: impl FnOnce() -> F,
        wake: impl Fn() + Send + 'static,
    ) -> Option<&(K, V)>
    where
        F: FnOnce() -> V + Send + 'static,
    {
        self.poll();
        let fresh = self.current.as_ref().is_some_and(|c| &c.0 == key);
        let failed = self.failed.as_ref().is_some_and(|f| &f.0 == key);
        if !fresh && !failed && self.running.is_none() {
            let work = job();
            let (tx, rx) = channel();
            let spawned = std::thread::Builder::new()
                .name("daftar-job".into())
                .spawn(move || {
                    // A panic drops `tx` unsent: `poll` sees the channel
                    // closed and records the failure.
                    if let Ok(v) = catch_unwind(AssertUnwindSafe(work)) {
                        let _ = tx.send(v);
                    }
                    wake();
                });
            if spawned.is_ok() {
                self.running = Some((key.clone(), rx));
            }
        }
        self.current.as_ref()
    }

    /// The newest finished value and its key, without starting a job.
    pub fn current(&self) -> Option<&(K, V)> {
        self.current.as_ref()
    }

    /// Takes a finished job's value.
    fn poll(&mut self) {
        if let Some((k, rx)) = &self.running {
            match rx.try_recv() {
                Ok(v) => {
                    self.current = Some((k.clone(), v));
                    self.running = None;
                    self.failed = None;
                }
                Err(TryRecvError::Disconnected) => {
                    self.failed = Some((
                        k.clone(),
                        "internal error: the background job stopped unexpectedly".into(),
                    ));
                    self.running = None;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
    }

    /// Why the job for the newest asked key failed, if it did (shown in
    /// place of the value; asking for another key tries again).
    pub fn failure(&self) -> Option<&str> {
        self.failed.as_ref().map(|f| f.1.as_str())
    }

    /// Whether a job is running.
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_while_busy_are_coalesced_and_the_last_key_wins() {
        let mut l: Latest<u32, u32> = Latest::default();
        let mut started = Vec::new();
        let t = std::time::Instant::now();
        loop {
            // The key changes every ask; only some asks start a job.
            let key = (t.elapsed().as_millis() / 5) as u32 % 3;
            let got = l
                .get(
                    &key,
                    || {
                        started.push(key);
                        move || {
                            std::thread::sleep(std::time::Duration::from_millis(20));
                            key * 10
                        }
                    },
                    || {},
                )
                .cloned();
            if let Some((k, v)) = got {
                assert_eq!(v, k * 10, "a value belongs to its key");
            }
            if t.elapsed().as_millis() > 200 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(started.len() < 15, "{} jobs for ~200 asks", started.len());
    }

    #[test]
    fn a_panicking_job_is_reported_and_not_restarted() {
        let mut l: Latest<u32, u32> = Latest::default();
        let mut starts = 0;
        // The panic hook may print a symbolised backtrace first: slow.
        let t = std::time::Instant::now();
        while t.elapsed() < std::time::Duration::from_secs(30) {
            l.get(
                &1,
                || {
                    starts += 1;
                    || -> u32 { panic!("boom") }
                },
                || {},
            );
            if l.failure().is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(l.failure().is_some_and(|f| f.contains("internal error")));
        for _ in 0..5 {
            l.get(
                &1,
                || {
                    starts += 1;
                    || 0
                },
                || {},
            );
        }
        assert_eq!(starts, 1, "the failed key is not retried every frame");
        assert_eq!(
            caught(|| -> Result<(), String> { panic!("x{}", 1) }),
            Err("internal error: x1".into())
        );
    }
}
