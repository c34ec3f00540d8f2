/** What the review page asks the hub for. */
export const REVIEW_HUBS = /* GraphQL */ `
  query ReviewHubs($after: String) {
    hubs(first: 100, after: $after) { edges { node { id name street district kind capacity location { lat lng } } } pageInfo { hasNextPage endCursor } }
  }
`;

export const REVIEW = /* GraphQL */ `
  query Review($from: DateTime!, $to: DateTime!, $street: String) {
    hubRanking(by: FOOTFALL, from: $from, to: $to, street: $street, first: 100) {
      rank value exactValue previousValue change changeShare districtRank streetRank hub { id name street }
    }
    coldHubs(from: $from, to: $to, street: $street) {
      hub { id name street } footfall shareOfMedian rule
      facilities { facility { id name } footfall fillRate }
    }
    activityStats(from: $from, to: $to, groupBy: ORGANIZATION, street: $street) { key name held cancelled placesOffered booked fillRate }
  }
`;
