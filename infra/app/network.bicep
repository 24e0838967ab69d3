// Optional private networking (main.bicep privateNetworking): a virtual network with one subnet for the Function
// App's outbound traffic (Flex Consumption virtual network integration needs a subnet delegated to
// Microsoft.App/environments) and one for the private endpoints of storage and Key Vault, as Microsoft's Flex
// Consumption samples do.

@description('Azure region for the network.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Name of the virtual network.')
param virtualNetworkName string

@description('Address space of the network; split into the app subnet (first half) and the endpoint subnet.')
param addressPrefix string

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: virtualNetworkName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 25, 0)
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 26, 2)
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

output virtualNetworkId string = virtualNetwork.id
output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', virtualNetwork.name, 'app')
