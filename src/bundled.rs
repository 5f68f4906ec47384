//! The reports compiled into the binary (every file of `data/`), so an
//! installed program opens them from any folder with no arguments.

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
