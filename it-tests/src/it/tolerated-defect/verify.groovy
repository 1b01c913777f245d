// The build passed, warned about each tolerated defect where it is and what the client does instead, and compiled;
// the second, up-to-date build repeated the same warnings from the stamp.
def log = new File(basedir, 'build.log').text
def all = log.readLines().findAll { it.startsWith('[WARNING] Specwright: ') }
assert all.size() == 4 : "expected two warnings in each build, found ${all}"
def warnings = all.take(2)
assert all.drop(2) == warnings : "the up-to-date build did not repeat the warnings as they were: ${all}"
assert log.count('Specwright generated ') == 1
assert log.count('Specwright sources are up to date') == 1

def license = warnings.find { it.contains('widgets.yaml#/info/license/url: ') }
assert license != null : "the license url is not located: ${warnings}"
assert license.contains('Fix: ') && license.contains('Until then: ') : "no fix or consequence: ${license}"
def updatedAt = warnings.find { it.contains('widgets.yaml#/components/schemas/Widget/properties/updatedAt/default: ') }
assert updatedAt != null : "the default is not located: ${warnings}"
assert updatedAt.contains('`default` is `now`, which is not a date-time') : "the rule is not stated: ${updatedAt}"

assert log.contains('Specwright generated ')
def compiled = []
new File(basedir, 'target/classes').eachFileRecurse { if (it.name == 'Widget.class') compiled << it }
assert !compiled.isEmpty() : 'the generated sources were not compiled'
return true
