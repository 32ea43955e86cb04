package security

// B64Decode exposes b64decode to the external tests.
var B64Decode = b64decode
