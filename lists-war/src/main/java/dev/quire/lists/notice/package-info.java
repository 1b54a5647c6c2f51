/**
 * Messages the list engine writes itself (command replies, moderator notices, welcomes, warnings) and
 * the one way they leave: queued at the MTA's internal listener.
 */
package dev.quire.lists.notice;
