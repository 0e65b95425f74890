/** Known-answer and tamper tests of signatures, hashes and encodings. */
package org.medmesh.chaincode.crypto;
