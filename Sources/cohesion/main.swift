import CohesionApp
import CohesionPlatform

await Entrypoint.run(features: .cohesion)
