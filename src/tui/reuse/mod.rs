//! The screens of reuse: a list of where text appears elsewhere (one
//! section's partners, or every pair of the loaded reports), and two
//! reports face to face at a passage they share.

pub mod facing;
pub mod list;

pub use facing::SharedFacing;
pub use list::ReuseList;
