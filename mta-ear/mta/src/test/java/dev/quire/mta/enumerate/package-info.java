/** The valid-address file on disk and through a real rsync daemon. */
package dev.quire.mta.enumerate;
