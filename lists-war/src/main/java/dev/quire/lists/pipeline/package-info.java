/**
 * The pipeline an accepted post goes through: one transformation per handler, in the order {@link
 * dev.quire.lists.pipeline.DefaultPipeline} lists, the last of which hands the post to the MTA.
 * SECURITY: handlers edit header fields of untrusted posts; values they add are built from list settings,
 * never copied from the post unchecked.
 */
package dev.quire.lists.pipeline;
