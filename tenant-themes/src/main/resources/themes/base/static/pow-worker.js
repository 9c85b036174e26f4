// Finds the proof of work an anonymous form carries (infra.pow.ProofOfWork): a nonce such that
// SHA-256 of "challenge:nonce" starts with `difficulty` zero bits. Plain JavaScript, because
// crypto.subtle exists only on HTTPS pages and this must work wherever the form does; a Web
// Worker, so the page stays responsive while it counts.
'use strict';
var K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
var W = new Int32Array(64);
var buffer = new Int32Array(0); // the padded message, reused: one allocation per length, not per try

function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

// SHA-256 of an ASCII string (challenges and nonces are ASCII), as eight 32-bit words.
function sha256(text) {
  var length = text.length;
  var blocks = ((length + 8) >> 6) + 1;
  if (buffer.length !== blocks * 16) { buffer = new Int32Array(blocks * 16); } else { buffer.fill(0); }
  var words = buffer;
  for (var i = 0; i < length; i++) { words[i >> 2] |= text.charCodeAt(i) << (24 - (i & 3) * 8); }
  words[length >> 2] |= 0x80 << (24 - (length & 3) * 8);
  words[blocks * 16 - 1] = length * 8;
  var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  for (var b = 0; b < blocks; b++) {
    for (var t = 0; t < 64; t++) {
      if (t < 16) {
        W[t] = words[b * 16 + t];
      } else {
        var x = W[t - 15], y = W[t - 2];
        W[t] = (W[t - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + W[t - 7]
          + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) | 0;
      }
    }
    var a = h[0], c1 = h[1], c2 = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (t = 0; t < 64; t++) {
      var t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
      var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & c1) ^ (a & c2) ^ (c1 & c2))) | 0;
      k = g; g = f; f = e; e = (d + t1) | 0; d = c2; c2 = c1; c1 = a; a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + c1) | 0; h[2] = (h[2] + c2) | 0; h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
  }
  return h;
}

function zeroBits(h) {
  var bits = 0;
  for (var i = 0; i < 8; i++) {
    if (h[i] !== 0) { return bits + Math.clz32(h[i]); }
    bits += 32;
  }
  return bits;
}

self.onmessage = function (event) {
  var prefix = event.data.challenge + ':';
  var difficulty = event.data.difficulty;
  for (var n = 0; ; n++) {
    var nonce = n.toString(36);
    if (zeroBits(sha256(prefix + nonce)) >= difficulty) {
      self.postMessage(nonce);
      return;
    }
  }
};
