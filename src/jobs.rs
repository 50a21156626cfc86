//! A value computed on a worker thread and kept until its inputs change:
//! a panel asks every frame for the value of a key, gets the newest
//! finished one at once (perhaps of an older key), and a job for the asked
//! key starts when none runs. Asks made while a job runs are coalesced into
//! the next one, so a burst of changes costs one job, not one per frame.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub struct Latest<K, V> {
    current: Option<(K, V)>,
    running: Option<(K, Receiver<V>)>,
}

impl<K, V> Default for Latest<K, V> {
    fn default() -> Self {
        Latest {
            current: None,
            running: None,
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
        if !fresh && self.running.is_none() {
            let work = job();
            let (tx, rx) = channel();
            let spawned = std::thread::Builder::new()
                .name("daftar-job".into())
                .spawn(move || {
                    let _ = tx.send(work());
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
                }
                Err(TryRecvError::Disconnected) => self.running = None,
                Err(TryRecvError::Empty) => {}
            }
        }
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
}
