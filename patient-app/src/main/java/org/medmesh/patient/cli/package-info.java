/**
 * The patient's command line ({@code ./medmesh patient …}): create, back up and restore the wallet, enrol at a
 * hospital, rotate keys, grant, list, check, narrow and revoke consents through provider nodes, link the patient's
 * identities at two hospitals so one can ask the other, read who asked for the patient's records, and read (and
 * save) everything a hospital holds about the patient. Output is plain words; keys never appear, DIDs only with
 * {@code --details}; every failure is one line and exit status 1.
 */
package org.medmesh.patient.cli;
