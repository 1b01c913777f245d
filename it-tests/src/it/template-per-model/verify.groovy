// One schemas/<Model>.json per model of the Petstore, rendered from the user's template with the model's own names
// and types; the Java sources are there; the project layout's files (README, pom, docs) are not, this being the
// sources layout.
import groovy.json.JsonSlurper

def out = new File(basedir, 'target/generated-sources/specwright')
def schemas = new File(out, 'schemas')
assert schemas.isDirectory() : 'no schemas/ folder'
def names = schemas.list().sort()
assert names == ['Address.json', 'ApiResponse.json', 'Category.json', 'Customer.json', 'Order.json', 'Pet.json',
                 'Tag.json', 'User.json'] : "one file per model expected: ${names}"
def pet = new JsonSlurper().parse(new File(schemas, 'Pet.json'))
assert pet['class'] == 'com.example.petstore.model.Pet'
assert pet.schema == 'Pet'
assert pet.sent == true
def props = pet.properties.findAll { it != null }
assert props*.java == ['id', 'name', 'category', 'photoUrls', 'tags', 'status']
assert props.find { it.java == 'photoUrls' }.type == 'List<String>'
assert props.find { it.java == 'name' }.required == true
assert new File(out, 'src/main/java/com/example/petstore/model/Pet.java').isFile()
['README.md', 'pom.xml', 'docs'].each { assert !new File(out, it).exists() : "${it} written in the sources layout" }
def log = new File(basedir, 'build.log').text
assert log.contains('Specwright generated ')
return true
