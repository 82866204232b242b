package messages

// zhDomain is the Chinese of texts that packages below the CLI format in
// English with fmt.Sprintf and hand over as strings (a plan's warnings and
// unmet rules, a group's notes): the CLI reads their arguments back with
// [Printer.FromEnglish].
var zhDomain = map[string]string{}
