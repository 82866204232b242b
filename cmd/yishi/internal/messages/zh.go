package messages

// zh is the Chinese of every message of yishi's code, by its English
// format.
var zh = map[string]string{}
