/**
 * The patient's command line ({@code ./medmesh patient …}): create, back up and restore the wallet, enrol at a
 * hospital, rotate keys, and grant, list, check, narrow and revoke consents through provider nodes. Output is plain
 * words; keys never appear, DIDs only with {@code --details}; every failure is one line and exit status 1.
 */
package org.medmesh.patient.cli;
