/**
 * The patient's page: a small web server on 127.0.0.1 that the wallet itself runs (the keys never leave this
 * process; nothing is loaded from another origin, and the pages need no script). Server-rendered HTML in plain
 * words: unlock with the wallet's passphrase, the hospitals, the access history with emergencies standing out and
 * its exports. The page locks itself after inactivity, closing the wallet.
 */
package org.medmesh.patient.web;
