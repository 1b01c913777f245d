// Run 1 generated, run 2 skipped the generator, and the skipped run still registered the source root (it compiled).
def log = new File(basedir, 'build.log').text
def generated = log.count('Specwright generated ')
def upToDate = log.count('Specwright sources are up to date')
assert generated == 1 : "expected one generating run, found ${generated}"
assert upToDate == 1 : "expected the second run to be up to date, found ${upToDate}"

def stamp = new File(basedir, 'target/generated-sources/specwright/.specwright-stamp-no-op-rebuild@default')
assert stamp.isFile()
def classes = new File(basedir, 'target/classes')
def compiled = []
classes.eachFileRecurse { if (it.name == 'PlatformClient.class') compiled << it }
assert !compiled.isEmpty() : 'the up-to-date run did not add the generated sources to the compile source roots'
return true
