//! Comparing two reports (spec §6): sections paired topic with topic,
//! the text of each pair marked for what both say and what one alone
//! says, and the figures of both face to face.

pub mod topics;
