// The extension jar was built first, the plugin found it through META-INF/services, every model carries @Audited,
// the annotation's own source and the text file were added, and the consumer compiled it all with -Xlint:all -Werror.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def extensionBuilt = log.indexOf('Building audited-extension')
assert extensionBuilt >= 0 && extensionBuilt < log.indexOf('Building petstore-client') : 'the extension is built first'

def consumer = new File(basedir, 'consumer')
def sources = new File(consumer, 'target/generated-sources/specwright/src/main/java')
def models = new File(sources, 'com/example/petstore/model')
['Pet', 'NewPet'].each { name ->
    def source = new File(models, "${name}.java").text
    assert source.contains("@Audited(\"${name}\")\npublic record ${name}(") : "${name}.java lacks @Audited:\n${source}"
    assert source.contains('import com.example.audit.Audited;')
    assert source.contains('@JsonProperty("name") String name') : "${name} keeps its record components"
}
// only models: the API class and the client are as generated
assert !new File(sources, 'com/example/petstore/api/PetsApi.java').text.contains('@Audited')
assert !new File(sources, 'com/example/petstore/PetstoreClient.java').text.contains('@Audited')

// the added files: the annotation (compiled with the rest) and the list of models
assert new File(sources, 'com/example/audit/Audited.java').text.contains('public @interface Audited')
def listed = new File(consumer, 'target/generated-sources/specwright/audited-models.txt').readLines()
assert listed.toSet() == ['com.example.petstore.model.Pet', 'com.example.petstore.model.NewPet'].toSet() : listed

def classes = new File(consumer, 'target/classes')
assert new File(classes, 'com/example/audit/Audited.class').isFile()
assert new File(classes, 'com/example/petstore/model/Pet.class').isFile()
assert new File(classes, 'com/example/petstore/PetstoreClient.class').isFile()
return true
